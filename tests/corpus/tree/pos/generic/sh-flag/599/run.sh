#!/bin/bash
./client --internal-password 'MrbN3EzRGBpUZlkGlFID2xQkFb2WwKoV1kREh' --verbose
