private val privateToken = "CWp=Umb61ZXa2UOhu~bZ"
