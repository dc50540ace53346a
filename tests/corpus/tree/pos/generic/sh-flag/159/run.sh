#!/bin/bash
./client --service-auth-token '9932aa2ba90d20403f45170f56c146d1d64b7432c2d108743ac1f4ece6c7758c' --verbose
