#!/bin/bash
./client --upstream-secret 'T2QJ8zHMkfw4qm45K3aHky22-cB7pDJhcikz17PUGKO3p8_A2Ip1' --verbose
