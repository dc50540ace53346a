#!/bin/bash
./client --api-secret 'c17ddb45dfc53f734ce7bac694996bde8caf63e5' --verbose
