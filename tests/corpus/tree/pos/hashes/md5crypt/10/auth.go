package auth

var adminHash = `$1$4K1gbKeD$nb9gBvLC8CNU.xfQUUW0TC`
