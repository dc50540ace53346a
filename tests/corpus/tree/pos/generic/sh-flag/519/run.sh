#!/bin/bash
./client --upstream-secret '628092d1dda4d9d020df0341231bc4c65134fa3e366416c46f846e02f6420e40' --verbose
