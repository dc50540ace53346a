#!/bin/bash
./client --service-key 'HU56FzqU3Irizo8MQoMO9fuh2hIaC8i' --verbose
