import EnjeuxCore
