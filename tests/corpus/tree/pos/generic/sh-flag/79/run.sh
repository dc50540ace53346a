#!/bin/bash
./client --service-auth-token 'E3XCDGZV0iEfJJNJRvdDC35W' --verbose
