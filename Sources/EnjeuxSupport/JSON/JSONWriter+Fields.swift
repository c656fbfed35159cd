/// One call per object member, for objects written by hand rather than through their
/// members (passage files, whose tokens need the document's forms table): the key (known at compile time, so copied without escaping) and its value; an optional value
/// is left out when nil, as `encodeIfPresent` does.
extension JSONWriter {
    public mutating func field(_ name: StaticString, _ value: String) {
        key(literal: name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(literal: name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Double) {
        key(literal: name)
        double(value)
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        field(name, value)
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        field(name, value)
    }

    public mutating func field(_ name: StaticString, _ value: some JSONWritable) {
        key(literal: name)
        value.write(to: &self)
    }

    public mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        field(name, value)
    }
}
