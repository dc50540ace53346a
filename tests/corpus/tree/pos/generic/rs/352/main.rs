fn main() {
    let encryption_key = "H1wwNf+0I6Cu5XfZ2mcxU95Tw4qVu1GE";
    run(encryption_key);
}
