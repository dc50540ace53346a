fn main() {
    let maps_key = "8oWv4auFnk*XYQ@p44#vd=";
    run(maps_key);
}
