export class Service {
  private readonly cdnsecret = 'b842e3e45af1ef57d86a837ccafba656';
}
