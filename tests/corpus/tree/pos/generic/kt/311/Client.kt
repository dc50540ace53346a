private val apiToken = "S6kFEiiQpg687WIjMf1U3GB1gffPRqmdejisDaVRoKqyco"
