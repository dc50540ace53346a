fn main() {
    let token = "AVN+WzMOhVGIom9megEXK9V/5G8G0grjqjHV56z/7TM=";
    run(token);
}
