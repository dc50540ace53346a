package com.acme

object Config {
    const val PYPI_API_TOKEN = "pypi-AgEIcHlwaS5vcmc2qnpROeeNleWNQyHxQ0klr6b20oWo4jNHIXxr2LfqYM6C-yNtDAZh1-4go1OnRoUjEV496"
}
