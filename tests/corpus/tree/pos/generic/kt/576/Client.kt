private val password = "QeHvDindClsqZV0L."
