export class Service {
  private readonly cdnsecret = 'gPfNodF+EvCaPr3fuqUjN9yETRmW6uA3D07KuR1I';
}
