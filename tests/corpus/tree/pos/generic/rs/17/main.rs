fn main() {
    let ledger_api_key = "OOITrBFDWUO9wSEQzG8Sl0PELt4FGiNT";
    run(ledger_api_key);
}
