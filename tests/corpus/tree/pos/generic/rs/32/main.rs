fn main() {
    let session_secret = "osRGnau7flkERFJ1Is82foZdCCx4eZebI9796YfBi_4";
    run(session_secret);
}
