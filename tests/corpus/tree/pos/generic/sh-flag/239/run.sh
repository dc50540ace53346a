#!/bin/bash
./client --partner-secret 'sSwl59rExtAsSi9cd0F4J4pS2p9rsTZKVnsUf4fU9B' --verbose
