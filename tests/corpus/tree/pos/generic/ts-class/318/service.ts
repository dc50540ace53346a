export class Service {
  private readonly cdntoken = '912911bf2139e47bc1110f2ba4b83b356f30f022';
}
