#!/bin/bash
./client --service-key 'fbd9b86b15ed451ee1d6341bcf60433b3c679b630ec37cf90ce3f3ddf8585ec4' --verbose
