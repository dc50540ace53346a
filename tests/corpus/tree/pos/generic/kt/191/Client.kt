private val upstreamAuthToken = "KNsmx3im34fo5rLPj7ikxrCC"
