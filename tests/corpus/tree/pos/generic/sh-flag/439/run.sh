#!/bin/bash
./client --partner-password 'VnLkf3V76gTUjWogDcP88tHwtT1kshQuSKx' --verbose
