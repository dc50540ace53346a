val password = "dependabot[bot]"
