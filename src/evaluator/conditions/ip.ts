import { operatorPair, type BaseOperator } from "./operator.js";

/**
 * `IpAddress` and `NotIpAddress`: an IPv4 or IPv6 address tested against CIDR ranges (a bare
 * address is a /32 or /128). IPv4 ranges never match IPv6 addresses and the reverse.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */

interface Address {
  version: 4 | 6;
  value: bigint;
}

interface Range {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split(".");
  if (octets.length !== 4) return undefined;
  let value = 0n;
  for (const octet of octets) {
    if (!/^\d{1,3}$/.test(octet) || Number(octet) > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".") && lastColon >= 0) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }

  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;

  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(":")) {
    const value = parseIpv6(trimmed);
    return value === undefined ? undefined : { version: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { version: 4, value };
}

/** Parses CIDR text (or a bare address) into a range; undefined when it is no valid range. */
export function parseRange(text: string): Range | undefined {
  const [addressText, prefixText, extra] = text.split("/");
  if (extra !== undefined || addressText === undefined) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;

  const bits = address.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > bits) return undefined;

  const all = (1n << BigInt(bits)) - 1n;
  const mask = all ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { version: address.version, network: address.value & mask, mask };
}

export const IP_OPERATORS: BaseOperator[] = operatorPair("IpAddress", "NotIpAddress", (values) => {
  const ranges = values.map(parseRange).filter((range): range is Range => range !== undefined);
  return (value) => {
    const address = parseAddress(value);
    if (!address) return false;
    return ranges.some((range) => range.version === address.version && (address.value & range.mask) === range.network);
  };
});
