const api = new Api({ paymentsKey: "ffd1ce1b3807e77dbe3ffaa5063ad22962929085eb9acf39c5b4ac922276bd95" });
