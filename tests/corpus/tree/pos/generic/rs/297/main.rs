fn main() {
    let analytics_key = "RmnqaLprdpNDtCRDAVu9zNELdLh7LV0UzzL3FuhFHuI8";
    run(analytics_key);
}
