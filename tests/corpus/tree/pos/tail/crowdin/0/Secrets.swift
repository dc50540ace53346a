enum Secrets {
    static let crowdinPersonalToken = "8f2c81d1321f527f7ba7958193ec2f90edf368f479f448f1f01d0b9ff63f5af033f5eab7dcdaf0db"
}
