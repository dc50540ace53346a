private val clientSecret = "GRqBBPbxwRXXl-rqNBjVFNpMe0VbOm71daa9PlZrE5SWR283C"
