export class Service {
  private readonly servicetoken = '01ulo9QDeYbWzG0wdWBySvDXWlBUf/qp4LSmf2Xb0gH4B4SrKm8EBrjB7zgnXvQa';
}
