export class Service {
  private readonly accesstoken = 'hT6kUdIr9fPSON14b63p9taTmeu';
}
