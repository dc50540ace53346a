#!/bin/bash
./client --upstream-key 'c73716ba640cf9a1784d7a69607acb4700928b1860baefbdbc48ea94d03a9ac3' --verbose
