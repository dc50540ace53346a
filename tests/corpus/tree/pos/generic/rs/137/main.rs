fn main() {
    let orders_api_key = "3d355abb57b0a9aaa26d6af8ff075daeb8d207d8e5c2cd81068f9e5efbdfbc65";
    run(orders_api_key);
}
