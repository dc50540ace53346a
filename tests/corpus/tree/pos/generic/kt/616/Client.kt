private val deployKey = ":*syZgEq:z6L4c4:QN-"
