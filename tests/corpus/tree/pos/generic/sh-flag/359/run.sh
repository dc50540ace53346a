#!/bin/bash
./client --upstream-token 'qOzdGmNYNmZUE81sg2KJl8YV4K9JmICT0LlJ0ZL1' --verbose
