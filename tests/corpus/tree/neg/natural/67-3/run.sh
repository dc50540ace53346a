ACCESSTOKEN="dependabot[bot]"
