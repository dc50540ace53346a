package auth

var adminHash = `$1$.yF83PxT$oY.z0eWQzyrbCgayjl/VUT`
