int main(void) { return 0; } /* TEMPORARY until the foundation lands */
