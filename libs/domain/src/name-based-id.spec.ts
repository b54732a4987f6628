import { nameBasedId } from './name-based-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('name-based ids (UUID v5)', () => {
  it('gives the RFC reference value for www.example.com in the DNS namespace', () => {
    expect(nameBasedId(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives the same id for the same name, another for another name', () => {
    expect(nameBasedId(DNS_NAMESPACE, 'a')).toBe(nameBasedId(DNS_NAMESPACE, 'a'));
    expect(nameBasedId(DNS_NAMESPACE, 'a')).not.toBe(nameBasedId(DNS_NAMESPACE, 'b'));
  });
});
