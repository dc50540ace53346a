#!/bin/bash
./client --api-auth-token '80043fa8254f40da8a79cec6c4fcb4cb1110bf289e2e7c907293a707557a2e0d' --verbose
