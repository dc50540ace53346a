#!/bin/bash
./client --internal-key 'b2c4f9bbb7af2da72058253c264f71a1771a5e72' --verbose
