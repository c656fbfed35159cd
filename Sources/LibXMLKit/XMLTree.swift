/// One attribute of an XML element: its namespace (an index into `XMLTree.namespaces`, or
/// `XMLTree.noNamespace`), local name and value.
public struct XMLAttribute: Sendable, Hashable {
    public var namespace: Int
    public var name: String
    public var value: String

    public init(namespace: Int, name: String, value: String) {
        self.namespace = namespace
        self.name = name
        self.value = value
    }
}

/// One node of a parsed XML document: an element or a run of character data.
public struct XMLNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case element
        case text
    }

    public var kind: Kind
    /// The element's namespace, an index into `XMLTree.namespaces` (`XMLTree.noNamespace` for
    /// none and for text).
    public var namespace: Int
    /// The element's local name (without prefix); empty for text and the document.
    public var name: String
    public var attributes: [XMLAttribute]
    /// Character data of a text node (entities and CDATA already resolved); empty otherwise.
    public var text: String
    /// Index of the parent node; nil for the document.
    public var parent: Int?
    /// Indexes of the children, in document order.
    public var children: [Int]

    public init(
        kind: Kind, namespace: Int = XMLTree.noNamespace, name: String = "", attributes: [XMLAttribute] = [],
        text: String = "", parent: Int? = nil, children: [Int] = []
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.text = text
        self.parent = parent
        self.children = children
    }
}

/// A parsed XML document as plain Swift values, nodes in document order (the document node
/// at index 0, every node after its parent), with namespaces interned: an element or
/// attribute names its namespace by an index into `namespaces`, so that a reader compares
/// integers, not URIs.
public struct XMLTree: Sendable, Hashable {
    /// The namespace index of names without a namespace.
    public static let noNamespace = -1

    public private(set) var nodes: [XMLNode]
    /// The namespace URIs used in the document, each once.
    public private(set) var namespaces: [String]

    public init(nodes: [XMLNode], namespaces: [String]) {
        self.nodes = nodes.isEmpty ? [XMLNode(kind: .document)] : nodes
        self.namespaces = namespaces
    }

    public subscript(index: Int) -> XMLNode {
        _read { yield nodes[index] }
    }

    public var count: Int { nodes.count }

    /// The index of a namespace URI in this document, or nil when no name uses it.
    public func namespace(_ uri: String) -> Int? {
        namespaces.firstIndex(of: uri)
    }

    /// The index of the first of these namespace URIs that the document uses (a vocabulary
    /// published under two URIs, such as transitional and strict Office Open XML).
    public func namespace(anyOf uris: [String]) -> Int? {
        for uri in uris {
            if let index = namespace(uri) { return index }
        }
        return nil
    }

    /// The root element, if the document has one.
    public var root: Int? {
        nodes[0].children.first { nodes[$0].kind == .element }
    }

    /// True when the node is an element of this namespace and local name.
    @inlinable public func isElement(_ index: Int, _ namespace: Int, _ name: String) -> Bool {
        let node = nodes[index]
        return node.kind == .element && node.namespace == namespace && node.name == name
    }

    /// The value of an element's attribute.
    public func attribute(_ index: Int, _ namespace: Int, _ name: String) -> String? {
        for attribute in nodes[index].attributes where attribute.namespace == namespace && attribute.name == name {
            return attribute.value
        }
        return nil
    }

    /// The element children of a node with this namespace and local name.
    public func children(_ index: Int, _ namespace: Int, _ name: String) -> [Int] {
        nodes[index].children.filter { isElement($0, namespace, name) }
    }

    /// The first element child of a node with this namespace and local name.
    public func child(_ index: Int, _ namespace: Int, _ name: String) -> Int? {
        nodes[index].children.first { isElement($0, namespace, name) }
    }

    /// The first element with this namespace and local name in the subtree of `index`
    /// (`index` itself excluded), in document order.
    public func descendant(_ index: Int, _ namespace: Int, _ name: String) -> Int? {
        let end = subtreeEnd(of: index)
        var position = index + 1
        while position < end {
            if isElement(position, namespace, name) { return position }
            position += 1
        }
        return nil
    }

    /// Index one past the last node of the subtree rooted at `index`.
    public func subtreeEnd(of index: Int) -> Int {
        var current = index
        while let last = nodes[current].children.last { current = last }
        return current + 1
    }

    /// The character data of a subtree, concatenated in document order.
    public func text(of index: Int) -> String {
        var out = ""
        for position in index..<subtreeEnd(of: index) where nodes[position].kind == .text {
            out += nodes[position].text
        }
        return out
    }
}
