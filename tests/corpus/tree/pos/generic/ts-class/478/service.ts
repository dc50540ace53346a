export class Service {
  private readonly footoken = '3541da91775f9e550a68054af24e84f0';
}
