#!/bin/bash
./client --upstream-secret '1feb109f6b092d73b3bc7db46fc6fb62' --verbose
