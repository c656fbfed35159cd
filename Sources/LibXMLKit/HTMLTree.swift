/// One attribute of an HTML element, as written (name lowercased).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One node of a parsed HTML document: an element or a run of text.
public struct HTMLNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case element
        case text
    }

    public var kind: Kind
    /// Lowercased tag name for elements; empty for text and the document.
    public var name: String
    public var attributes: [HTMLAttribute]
    /// Character data of a text node (entities already decoded); empty otherwise.
    public var text: String
    /// Index of the parent node in `HTMLTree.nodes`; nil for the document.
    public var parent: Int?
    /// Indexes of the children in `HTMLTree.nodes`, in document order.
    public var children: [Int]

    public init(
        kind: Kind, name: String = "", attributes: [HTMLAttribute] = [], text: String = "",
        parent: Int? = nil, children: [Int] = []
    ) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.text = text
        self.parent = parent
        self.children = children
    }

    /// The value of the first attribute with this (lowercase) name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public var isElement: Bool { kind == .element }
}

/// A parsed HTML document as plain Swift values.
///
/// Nodes are stored in a flat array in document (pre-)order: the document node is at
/// index 0 and every node's index is greater than its parent's. Walking the indexes
/// upwards visits parents before children; walking them downwards visits children
/// before parents, which lets callers aggregate over subtrees without recursion.
public struct HTMLTree: Sendable, Hashable {
    public private(set) var nodes: [HTMLNode]

    /// Index of the document node.
    public static let rootIndex = 0

    public init(nodes: [HTMLNode]) {
        self.nodes = nodes.isEmpty ? [HTMLNode(kind: .document)] : nodes
    }

    /// The node at this index, lent without a copy (`tree[i].name` reads one field).
    public subscript(index: Int) -> HTMLNode {
        _read { yield nodes[index] }
    }

    public var count: Int { nodes.count }

    // One field of a node, read without copying the node (hot loops over large pages).

    @inlinable public func kind(at index: Int) -> HTMLNode.Kind { nodes[index].kind }
    @inlinable public func name(at index: Int) -> String { nodes[index].name }
    @inlinable public func parent(at index: Int) -> Int? { nodes[index].parent }
    @inlinable public func text(at index: Int) -> String { nodes[index].text }
    @inlinable public func children(at index: Int) -> [Int] { nodes[index].children }
    @inlinable public func isElement(_ index: Int, named name: String) -> Bool {
        nodes[index].kind == .element && nodes[index].name == name
    }

    /// Indexes of the elements with this tag name, in document order.
    public func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// Index one past the last node of the subtree rooted at `index` (pre-order layout).
    public func subtreeEnd(of index: Int) -> Int {
        var end = index
        var current = index
        while let last = nodes[current].children.last {
            current = last
            end = last
        }
        return end + 1
    }

    /// True when `ancestor` is `index` or one of its ancestors.
    public func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        ancestor <= index && index < subtreeEnd(of: ancestor)
    }

    /// The text of a subtree, concatenated in document order, with no whitespace processing.
    public func rawText(of index: Int) -> String {
        var out = ""
        for i in index..<subtreeEnd(of: index) where nodes[i].kind == .text {
            out += nodes[i].text
        }
        return out
    }
}
