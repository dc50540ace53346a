private val masterKey = "EaZnx5qsdCfaVp0PPRfUEgiF4ZcYnPcGFOqarS0V"
