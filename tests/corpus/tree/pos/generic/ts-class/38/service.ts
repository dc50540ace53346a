export class Service {
  private readonly vendorkey = 'BwX5DchGnbKbicEMbRhmYtK9B3L/ruh6cOXT6O71';
}
