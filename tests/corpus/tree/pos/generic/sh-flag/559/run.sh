#!/bin/bash
./client --api-password '!9UZn-~L?ira_#3rCYZ^I!9mitq' --verbose
