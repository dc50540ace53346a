#!/bin/bash
./client --service-token 'fd43b3bdffab30e58ae97ac33b50698a14686f3b' --verbose
