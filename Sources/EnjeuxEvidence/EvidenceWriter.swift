import EnjeuxCore
import Foundation

/// SKELETON: to be replaced by the real implementation.
public enum EvidenceWriter {}
