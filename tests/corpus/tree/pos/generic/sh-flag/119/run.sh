#!/bin/bash
./client --internal-key '0K7TUGUDiAFB2zjL3G6sTRy8fWDPJ2waw2DL' --verbose
