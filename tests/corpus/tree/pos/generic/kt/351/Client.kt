private val upstreamToken = "%^&is7O0VK@~K*JmEALK=oB"
